import { NextFunction, Request, Response, Router } from 'express';
import auth from '../auth/auth';
import { followUser, getProfile, unfollowUser } from './profile.service';

const router = Router();

router.get(
  '/profiles/:username',
  auth.optional,
  async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json({ profile: await getProfile(req.params.username, req.auth?.user?.id) });
    } catch (error) {
      next(error);
    }
  },
);

router.post(
  '/profiles/:username/follow',
  auth.required,
  async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json({ profile: await followUser(req.params.username, req.auth?.user?.id) });
    } catch (error) {
      next(error);
    }
  },
);

router.delete(
  '/profiles/:username/follow',
  auth.required,
  async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json({ profile: await unfollowUser(req.params.username, req.auth?.user?.id) });
    } catch (error) {
      next(error);
    }
  },
);

export default router;
