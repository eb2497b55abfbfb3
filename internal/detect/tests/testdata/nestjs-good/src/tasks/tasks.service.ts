import { Injectable, NotFoundException } from '@nestjs/common';

export interface Task { id: number; title: string; done: boolean }

@Injectable()
export class TasksService {
  private tasks: Task[] = [];

  create(title: string): Task {
    const task = { id: this.tasks.length + 1, title, done: false };
    this.tasks.push(task);
    return task;
  }

  complete(id: number): Task {
    const task = this.tasks.find((t) => t.id === id);
    if (!task) throw new NotFoundException(`task ${id}`);
    task.done = true;
    return task;
  }
}
