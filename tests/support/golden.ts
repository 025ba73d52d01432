/**
 * `UPDATE_GOLDEN=1`: the one switch that rewrites the files the suite compares with and that the
 * repository records (tests/README.md lists them): each such test then writes the file from what
 * it computed, or runs the file's generator, instead of failing on a difference. Review the diff
 * before committing it. Never set in CI. Goldens made by kfp (its corpus, the cross cases' twins
 * compiled at test time) are never written by kfp-ts.
 */
export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';
