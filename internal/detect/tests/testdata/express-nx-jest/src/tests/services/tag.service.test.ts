import prismaMock from '../prisma-mock';
import getTags from '../../app/routes/tag/tag.service';

describe('TagService', () => {
  test('should return the tag names', async () => {
    prismaMock.tag.findMany.mockResolvedValue([{ name: 'dragons' }, { name: 'training' }]);
    await expect(getTags()).resolves.toEqual(['dragons', 'training']);
  });

  test('should return an empty list without tags', async () => {
    prismaMock.tag.findMany.mockResolvedValue([]);
    await expect(getTags()).resolves.toEqual([]);
  });
});
