import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersService {
  private readonly items = new Map<number, User>();

  findAll() {
    return [...this.items.values()];
  }

  findOne(id: number) {
    return this.items.get(id);
  }
}
