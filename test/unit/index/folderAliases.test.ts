import { strict as assert } from 'node:assert';
import { throughFolderLinks } from '../../../src/core/index/resolve';

describe('throughFolderLinks', () => {
  const config = {
    folderAliases: [
      { alias: 'alias', target: 'real' },
      { alias: 'loop', target: '' },
      { alias: 'real/up', target: '' },
    ],
  };

  it('reads a path through a link to a folder as the path that folder was listed under', () => {
    assert.equal(throughFolderLinks(config, 'alias/t.md'), 'real/t.md');
    assert.equal(throughFolderLinks(config, 'alias'), 'real');
    assert.equal(throughFolderLinks(config, 'loop/x.md'), 'x.md');
    assert.equal(throughFolderLinks(config, 'loop'), '');
    // a name that only starts like a link is another folder
    assert.equal(throughFolderLinks(config, 'aliases/t.md'), 'aliases/t.md');
    assert.equal(throughFolderLinks(config, 'real/t.md'), 'real/t.md');
    assert.equal(throughFolderLinks(config, undefined), undefined);
    assert.equal(throughFolderLinks({}, 'alias/t.md'), 'alias/t.md');
  });

  it('follows one link after another, round loops as deep as the path goes', () => {
    assert.equal(throughFolderLinks(config, 'alias/up/alias/t.md'), 'real/t.md');
    assert.equal(throughFolderLinks(config, 'loop/'.repeat(500) + 'alias/t.md'), 'real/t.md');
  });
});
