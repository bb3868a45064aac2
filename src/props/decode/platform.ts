import { object } from './candidate';
import { at, bool, str } from './candidates';

export const decodePlatform = (platform: unknown) => {
  const key = at(platform, 'apiKey');
  return object({
    apiKey: object({ secretName: str(at(key, 'secretName')), namespace: str(at(key, 'namespace')), createRBAC: bool(at(key, 'createRBAC')) }),
    project: str(at(platform, 'project')),
  });
};
