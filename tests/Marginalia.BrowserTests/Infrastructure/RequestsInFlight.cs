using Microsoft.Playwright;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// Counts a page's requests that have started and not yet finished or failed, so a test can wait until everything
/// the page asked for has answered. Playwright's NetworkIdle waits for that too, but then adds a fixed 500 ms of
/// silence to every page load, which over a few hundred loads was minutes of the suite.
/// </summary>
internal sealed class RequestsInFlight : IDisposable
{
    // Long enough for a loaded CI machine; a page that keeps requesting past it is a broken page, and says so.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly IPage _page;
    private readonly HashSet<IRequest> _open = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _settled = NewSettled();

    private RequestsInFlight(IPage page)
    {
        _page = page;
        page.Request += Started;
        page.RequestFinished += Ended;
        page.RequestFailed += Ended;
    }

    public static RequestsInFlight On(IPage page) => new(page);

    /// <summary>
    /// Waits until no request is open, then until the page is laid out and its fonts are ready (a font is the
    /// request a page starts late), and again until no request is open.
    /// </summary>
    public async Task WaitUntilSettledAsync()
    {
        using var limit = new CancellationTokenSource(Limit);
        while (true)
        {
            Task settled;
            lock (_gate)
            {
                settled = _settled.Task;
            }

            try
            {
                await settled.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_page.Url}: requests still open after {Limit.TotalSeconds:0} s: {string.Join(", ", Open())}");
            }

            // Reading a size lays the page out, which starts the fetch of any font it uses; fonts.ready waits for
            // those. No timer or frame callback: a context with JavaScript off runs neither, and would wait forever.
            // Playwright reports events in the order the browser sends them, so once this round trip is back every
            // request the page started before it has been counted.
            try
            {
                await _page.EvaluateAsync("() => { void document.documentElement.offsetHeight; return document.fonts.ready.then(() => true); }")
                    .WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_page.Url}: its fonts were not ready after {Limit.TotalSeconds:0} s");
            }

            lock (_gate)
            {
                if (_open.Count == 0)
                {
                    return;
                }
            }
        }
    }

    public void Dispose()
    {
        _page.Request -= Started;
        _page.RequestFinished -= Ended;
        _page.RequestFailed -= Ended;
    }

    private static TaskCompletionSource NewSettled()
    {
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        settled.SetResult();
        return settled;
    }

    private void Started(object? sender, IRequest request)
    {
        lock (_gate)
        {
            if (_open.Add(request) && _open.Count == 1)
            {
                _settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Ended(object? sender, IRequest request)
    {
        lock (_gate)
        {
            if (_open.Remove(request) && _open.Count == 0)
            {
                _settled.TrySetResult();
            }
        }
    }

    private List<string> Open()
    {
        lock (_gate)
        {
            return [.. _open.Select(request => request.Url)];
        }
    }
}
