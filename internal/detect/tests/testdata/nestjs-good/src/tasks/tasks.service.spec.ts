import { Test, TestingModule } from '@nestjs/testing';
import { NotFoundException } from '@nestjs/common';
import { TasksService } from './tasks.service';

describe('TasksService', () => {
  let service: TasksService;

  beforeEach(async () => {
    const module: TestingModule = await Test.createTestingModule({
      providers: [TasksService],
    }).compile();
    service = module.get<TasksService>(TasksService);
  });

  it('should be defined', () => {
    expect(service).toBeDefined();
  });

  it('creates tasks with increasing ids', () => {
    expect(service.create('a').id).toBe(1);
    expect(service.create('b').id).toBe(2);
  });

  it('completes a task', () => {
    const t = service.create('a');
    expect(service.complete(t.id).done).toBe(true);
  });

  it('throws for an unknown task', () => {
    expect(() => service.complete(99)).toThrow(NotFoundException);
  });
});
