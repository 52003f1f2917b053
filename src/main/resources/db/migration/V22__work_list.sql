-- The work list (待办) kept beside the engine's tasks (worklist.internal.WorkQueues,
-- docs/architecture.md "The work list"): one row per open task and queue it waits in. A task held by
-- someone waits only in its assignee's queue ('u:' + username); a task nobody holds waits in the
-- queue of every candidate user ('u:') and candidate group ('g:' + group id) it is offered to.
-- Written by task listeners in the engine's own transaction; read a queue at a time, in due order,
-- so that a user's first 200 tasks are an index range per queue whatever the database holds.
create table work_queue_entry (
  queue varchar(300) not null,
  task_id varchar(64) not null,
  -- the task's due date; tasks without one sort last (9999-12-31)
  due_sort timestamp not null,
  created_at timestamp not null,
  primary key (queue, task_id)
);
create index work_queue_entry_order on work_queue_entry (queue, due_sort, created_at, task_id);
create index work_queue_entry_task on work_queue_entry (task_id);

-- Whether the rows above must first be rebuilt from the engine's open tasks: at the first start
-- after this migration, when tasks may already be open.
create table work_list_state (
  id int primary key,
  rebuild_needed boolean not null,
  rebuilt_at timestamp with time zone
);
insert into work_list_state (id, rebuild_needed) values (1, true);
