using Marginalia.Offline;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Offline;

public sealed class PrecacheTests
{
    [Fact]
    public void Entries_are_in_ordinal_order_of_their_urls_with_equal_urls_in_the_order_given()
    {
        // Given documents out of order, one without a destination, and two for one path (a build that will fail, MG0504)
        Document[] documents =
        [
            new("in/b", "notes/index.html", "b"),
            new("in/none", null, "not written"),
            new("in/B", "Notes/index.html", "B"),
            new("in/first", "a b.html", "first"),
            new("in/second", "a b.html", "second"),
            new("in/index", "index.html", "home"),
        ];

        var entries = Precache.Entries(documents);

        // Then upper case sorts before lower case (ordinal), the space is escaped, and the two "a b.html" keep their order
        Assert.Equal(["Notes/index.html", "a%20b.html", "a%20b.html", "index.html", "notes/index.html"], entries.Select(e => e.Url));
        Assert.Equal([Precache.Revision("first"u8), Precache.Revision("second"u8)], entries.Where(e => e.Url == "a%20b.html").Select(e => e.Revision));
    }
}
