// Every paging style through the Go SDK of tests/support/paging_spec.py, against the
// spec-checking server; test_paging_styles.py scripts the pages in the order these tests call.
package paging_test

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	paging "example.com/paging-go"
	"example.com/paging-go/client"
	"example.com/paging-go/core"
	"example.com/paging-go/option"
)

func newClient(t *testing.T) *client.Client {
	t.Helper()
	base := os.Getenv("SPEC_SERVER_URL")
	if base == "" {
		t.Fatal("SPEC_SERVER_URL is not set: pytest starts the server")
	}
	return client.NewClient(option.WithBaseURL(base), option.WithMaxAttempts(1))
}

// walk is the ids of every item the iterator yields, and the error that stopped it.
func walk(t *testing.T, iter *core.Iterator[*paging.Thing]) ([]string, error) {
	t.Helper()
	ids := []string{}
	for iter.Next() {
		ids = append(ids, iter.Current().ID)
		if len(ids) > 50 {
			t.Fatal("the walk does not end")
		}
	}
	return ids, iter.Err()
}

func expect(t *testing.T, iter *core.Iterator[*paging.Thing], want ...string) {
	t.Helper()
	ids, err := walk(t, iter)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("walked %v, expected %v", ids, want)
	}
}

var ctx = context.Background()

func TestPageTokenFirstPageThenEveryItem(t *testing.T) {
	c := newClient(t)
	first, err := c.Tokens.List(ctx, &paging.TokensListRequest{PageSize: paging.Int(2)})
	if err != nil {
		t.Fatal(err)
	}
	if first.NextPageToken == nil || *first.NextPageToken != "t2" || len(first.Data) != 2 {
		t.Fatalf("first page: %+v", first)
	}
	expect(t, c.Tokens.ListAutoPaging(ctx, &paging.TokensListRequest{PageSize: paging.Int(2), PageToken: first.NextPageToken}), "c")
}

func TestCursorInANestedField(t *testing.T) {
	expect(t, newClient(t).Cursors.ListAutoPaging(ctx, nil), "a", "b")
}

func TestCursorFromTheLastItemWhileHasMore(t *testing.T) {
	expect(t, newClient(t).Charges.ListAutoPaging(ctx, &paging.ChargesListRequest{Limit: paging.Int(2)}), "ch_1", "ch_2", "ch_3")
}

func TestOffsetUpToTheTotal(t *testing.T) {
	expect(t, newClient(t).OffsetTotal.ListAutoPaging(ctx, &paging.OffsetTotalListRequest{Limit: paging.Int(2)}), "a", "b", "c")
}

func TestOffsetWithANextLinkInsideAWrapper(t *testing.T) {
	request := &paging.AlbumsListRequest{Offset: paging.Int(0), Limit: paging.Int(1)}
	expect(t, newClient(t).Albums.ListAutoPaging(ctx, request), "a", "b")
}

func TestOffsetStopsOnAShortPage(t *testing.T) {
	expect(t, newClient(t).OffsetShort.ListAutoPaging(ctx, &paging.OffsetShortListRequest{Limit: paging.Int(2)}), "a", "b", "c")
}

func TestPageNumbersUpToTheTotalPages(t *testing.T) {
	expect(t, newClient(t).PagesTotal.ListAutoPaging(ctx, nil), "a", "b")
}

func TestPageNumbersFromTheLinkHeader(t *testing.T) {
	expect(t, newClient(t).PagesLink.ListAutoPaging(ctx, &paging.PagesLinkListRequest{PerPage: paging.Int(1)}), "a", "b")
}

func TestPageNumbersUntilAnEmptyPage(t *testing.T) {
	expect(t, newClient(t).PagesEmpty.ListAutoPaging(ctx, &paging.PagesEmptyListRequest{Page: paging.Int(1)}), "a", "b")
}

func TestANextURLOnly(t *testing.T) {
	expect(t, newClient(t).Feed.ListAutoPaging(ctx, nil), "a", "b")
}

func TestANextURLElsewhereIsRefused(t *testing.T) {
	ids, err := walk(t, newClient(t).Feed.ListAutoPaging(ctx, nil))
	if err == nil || !strings.Contains(err.Error(), "not under") || !reflect.DeepEqual(ids, []string{"a"}) {
		t.Fatalf("walked %v, error %v", ids, err)
	}
}

func TestTheXPaginationExtensionStatesWhatDetectionCannotGuess(t *testing.T) {
	expect(t, newClient(t).Entries.ListAutoPaging(ctx, &paging.EntriesListRequest{Take: paging.Int(2)}), "a", "b", "c")
}

func TestAPageNamedTwiceEndsTheWalk(t *testing.T) {
	expect(t, newClient(t).Tokens.ListAutoPaging(ctx, nil), "a", "a")
}
