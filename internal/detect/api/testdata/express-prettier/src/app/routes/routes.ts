import { Router } from 'express';
import articles from './article/article.controller';
import profiles from './profile/profile.controller';
import tags from './tag/tag.controller';

const api = Router()
  .use(tags)
  .use(articles)
  .use(profiles);

export default Router().use('/api', api);
