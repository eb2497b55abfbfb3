import prisma from '../../../prisma/prisma-client';

const getTags = async (): Promise<string[]> => {
  const tags = await prisma.tag.findMany({ select: { name: true }, take: 10 });
  return tags.map((tag: { name: string }) => tag.name);
};

export default getTags;
