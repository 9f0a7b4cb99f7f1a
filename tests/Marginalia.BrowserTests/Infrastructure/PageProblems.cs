using Microsoft.Playwright;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// Everything a reader would not see but a broken page shows: console errors, uncaught exceptions, requests
/// that failed and subresources answered with an error status. Attach it before navigating so the first
/// paint's problems are caught too.
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];
    private readonly List<Uri> _loaded = [];
    private readonly Lock _gate = new();

    private PageProblems(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"uncaught exception: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Url} ({request.Failure})");
        page.RequestFinished += (_, request) =>
        {
            lock (_gate)
            {
                _loaded.Add(new Uri(request.Url));
            }
        };
        page.Response += (_, response) =>
        {
            // The document's own status is the test's to judge (the 404 page is meant to answer 404);
            // a stylesheet or icon answering an error is always a broken page.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
    }

    public static PageProblems RecordOn(IPage page) => new(page);

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Every request that completed, whatever its status: proof that an asset was fetched, where a page from disk cannot read it back.</summary>
    public IReadOnlyList<Uri> Loaded
    {
        get
        {
            lock (_gate)
            {
                return [.. _loaded];
            }
        }
    }

    private void Add(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }
}
