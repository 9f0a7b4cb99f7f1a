namespace Marginalia.Discovery;

/// <summary>One note as the feed carries it: ready-made text and absolute links, so the feed writer only writes.</summary>
internal sealed record FeedEntry(Uri Id, string Title, DateOnly Published, DateOnly Updated, string Author, Uri AuthorUri, string ContentHtml);
