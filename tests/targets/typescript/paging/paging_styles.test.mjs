// Every paging style through the TypeScript SDK of tests/support/paging_spec.py, against the
// spec-checking server; test_paging_styles.py scripts the pages in the order these tests call.
import assert from "node:assert/strict";
import path from "node:path";
import test from "node:test";
import { pathToFileURL } from "node:url";

const sdk = await import(pathToFileURL(path.join(process.env.SDK_DIST, "index.js")).href);
const URL_ = process.env.SPEC_SERVER_URL;
const client = new sdk.PagingClient({ baseUrl: URL_, maxRetries: 0 });

async function ids(iterable) {
  const found = [];
  for await (const item of iterable) found.push(item.id);
  return found;
}

test("page token: the accessor, then every item", async () => {
  const first = await client.tokens.list({ page_size: 2 });
  assert.equal(first.nextPageToken, "t2");
  assert.equal(first.hasNextPage(), true);
  assert.deepEqual(await ids(first), ["a", "b", "c"]);
});

test("cursor in a nested field, page by page", async () => {
  const first = await client.cursors.list();
  const pages = [];
  for await (const page of first.iterPages()) pages.push(page);
  assert.deepEqual(pages.map((p) => p.data.map((t) => t.id)), [["a"], ["b"]]);
  assert.equal(pages[0].nextCursor, "c2");
  assert.equal(pages[1].nextCursor, undefined);
});

test("cursor from the last item while has_more", async () => {
  const first = await client.charges.list({ limit: 2 });
  assert.equal(first.nextPageToken, "ch_2");
  assert.deepEqual(await ids(first), ["ch_1", "ch_2", "ch_3"]);
});

test("offset up to the total", async () => {
  const first = await client.offsetTotal.list({ limit: 2 });
  assert.equal(first.nextOffset, 2);
  assert.deepEqual(await ids(first), ["a", "b", "c"]);
});

test("offset with a next link inside a wrapper", async () => {
  assert.deepEqual(await ids(client.albums.list({ offset: 0, limit: 1 })), ["a", "b"]);
});

test("offset stops on a short page", async () => {
  assert.deepEqual(await ids(client.offsetShort.list({ limit: 2 })), ["a", "b", "c"]);
});

test("page numbers up to the total pages", async () => {
  const first = await client.pagesTotal.list();
  assert.equal(first.nextPageNumber, 2);
  assert.deepEqual(await ids(first), ["a", "b"]);
});

test("page numbers from the Link header", async () => {
  const first = await client.pagesLink.list({ per_page: 1 });
  assert.equal(first.nextPageNumber, 2);
  assert.equal(first.nextUrl, `${URL_}/pages_link?page=2&per_page=1`);
  assert.deepEqual(await ids(first), ["a", "b"]);
});

test("page numbers until an empty page", async () => {
  assert.deepEqual(await ids(client.pagesEmpty.list({ page: 1 })), ["a", "b"]);
});

test("a next URL only", async () => {
  const first = await client.feed.list();
  assert.equal(first.nextUrl, "/feed?since=s2");
  assert.deepEqual(await ids(first), ["a", "b"]);
});

test("a next URL elsewhere is refused", async () => {
  await assert.rejects(ids(client.feed.list()), /not under/);
});

test("the x-pagination extension states what detection cannot guess", async () => {
  const first = await client.entries.list({ take: 2 });
  assert.equal(first.nextOffset, 2);
  assert.deepEqual(await ids(first), ["a", "b", "c"]);
});

test("a page asked for twice stops with an error", async () => {
  await assert.rejects(ids(client.tokens.list()), /same next page/);
});
