using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Marginalia.Preview;

/// <summary>The browsers listening for rebuilds, each through a Server-Sent Events stream.</summary>
/// <param name="hello">The news a browser hears on connecting: the current build, told as what changed since the build the
/// browser's page came from (its <c>since</c>, or null when it did not say).</param>
internal sealed class ReloadHub(Func<string?, BuildNews> hello)
{
    /// <summary>Sent first, with <see cref="BuildNews"/> naming the current build as its data.</summary>
    public const string BuildEvent = "build";

    /// <summary>Sent after every build, with <see cref="BuildNews"/> as its data: the page decides to patch or reload.</summary>
    public const string BuiltEvent = "built";

    // How soon a browser reconnects after the stream drops (a preview restarted, a laptop woke up).
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    // Each listening browser, with the output file of the page it shows (null when it did not say).
    private readonly ConcurrentDictionary<Channel<string>, string?> _clients = new();
    private volatile bool _closed;

    public int ClientCount => _clients.Count;

    /// <summary>
    /// The output files of the pages browsers show now ("index.html", "notes/index.html"): what a save's pages pass
    /// renders first. Empty when no browser said, and then every page is rendered.
    /// </summary>
    public IReadOnlySet<string> ShownPages => _clients.Values.OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// One browser's events: first a <c>build</c> event naming the current build, then a <c>built</c> event after
    /// every build, until the browser leaves or the hub closes.
    /// </summary>
    /// <param name="page">The output file of the page the browser shows, or null.</param>
    /// <param name="since">The build the browser's page came from, or null.</param>
    public async IAsyncEnumerable<SseItem<string>> EventsAsync(string? page, string? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A browser that lags behind needs only the latest build, never a queue of them: the news names the build
        // before it, so a page that missed one knows it cannot trust the list of changed files, and fetches its page.
        var inbox = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _clients.TryAdd(inbox, page);
        try
        {
            if (_closed)
            {
                yield break;
            }

            // Read after subscribing, so a build that finishes in between is announced at least once. The first
            // event also sends the response headers: the browser (and a test) then knows it is listening.
            yield return new SseItem<string>(hello(since).ToJson(), BuildEvent) { ReconnectionInterval = Reconnect };
            await foreach (var news in inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new SseItem<string>(news, BuiltEvent);
            }
        }
        finally
        {
            _clients.TryRemove(inbox, out _);
        }
    }

    public void Broadcast(BuildNews news)
    {
        ArgumentNullException.ThrowIfNull(news);
        var json = news.ToJson();
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryWrite(json);
        }
    }

    /// <summary>Ends every stream, so stopping the server does not wait for browsers that never hang up.</summary>
    public void Close()
    {
        _closed = true;
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryComplete();
        }
    }
}
