import { NextFunction, Request, Response, Router } from 'express';
import auth from '../auth/auth';
import { listArticles, feed, createArticle, getArticle, removeArticle } from './article.service';

const router = Router();

/**
 * List articles
 * @route {GET} /articles
 */
router.get('/articles', auth.optional, async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.json(await listArticles(req.query, req.auth?.user?.id));
  } catch (error) {
    next(error);
  }
});

/**
 * Feed of followed authors
 * @route {GET} /articles/feed
 */
router.get(
  '/articles/feed',
  auth.required,
  async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json(await feed(Number(req.query.offset), Number(req.query.limit), req.auth?.user?.id));
    } catch (error) {
      next(error);
    }
  },
);

router.post('/articles', auth.required, async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.json({ article: await createArticle(req.body.article, req.auth?.user?.id) });
  } catch (error) {
    next(error);
  }
});

router.get(
  '/articles/:slug',
  auth.optional,
  async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json({ article: await getArticle(req.params.slug, req.auth?.user?.id) });
    } catch (error) {
      next(error);
    }
  },
);

router.delete(
  '/articles/:slug',
  auth.required,
  async (req: Request, res: Response, next: NextFunction) => {
    try {
      await removeArticle(req.params.slug, req.auth?.user?.id);
      res.sendStatus(204);
    } catch (error) {
      next(error);
    }
  },
);

export default router;
