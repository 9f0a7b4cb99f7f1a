using System.Net.ServerSentEvents;

namespace Marginalia.Tests.Preview;

/// <summary>The preview's event stream as a browser's EventSource reads it.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private EventStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events)
    {
        _response = response;
        _events = events;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <param name="page">The output file of the page this listener says it shows, as the reload script names it; none by default.</param>
    /// <param name="since">The build that page came from, as the reload script names it; none by default.</param>
    public static async Task<EventStream> OpenAsync(HttpClient client, string? page = null, string? since = null)
    {
        // Headers only: the body never ends while the server runs.
        var query = string.Join('&', new[] { ("page", page), ("since", since) }.Where(p => p.Item2 is not null).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
        var address = "/__marginalia/events" + (query.Length > 0 ? "?" + query : string.Empty);
        var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync();
        return new EventStream(response, SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator());
    }

    /// <summary>The next event, whatever its type; fails if none comes within the timeout or the stream ends.</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan timeout) =>
        await ReadAsync(timeout) ?? throw new Xunit.Sdk.XunitException("the event stream ended");

    /// <summary>The next event, or null when the server ended the stream; fails if neither happens within the timeout.</summary>
    public async Task<SseItem<string>?> ReadAsync(TimeSpan timeout) =>
        await _events.MoveNextAsync().AsTask().WaitAsync(timeout) ? _events.Current : null;

    public async ValueTask DisposeAsync()
    {
        // Closing the response first ends a read still waiting on the network, which disposing the enumerator would await.
        _response.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or NotSupportedException or OperationCanceledException)
        {
            // The stream was closed under the parser on purpose.
        }
    }
}
