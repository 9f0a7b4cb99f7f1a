using Marginalia.Tests.Support;
using System.Net;
using System.Net.Sockets;
using Marginalia.Cli;
using Marginalia.Site;

namespace Marginalia.Tests.Preview;

public sealed class PreviewCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Cancelling_a_running_preview_stops_it_with_exit_code_0()
    {
        // Given a preview command serving a copy of the site on a free port
        using var files = TempSite.CopyOfRepository();
        var port = FreePort();
        using var output = new LockedStringWriter();
        using var error = new LockedStringWriter();
        using var cancel = new CancellationTokenSource();
        var command = new PreviewCommand(CliConsoles.ToWriters(output, error), quiet: false, verbose: false);
        var running = command.RunAsync(Options(files), port, cancel.Token);
        try
        {
            await WaitUntilAsync(() => output.ToString().Contains($"Serving http://127.0.0.1:{port}/;", StringComparison.Ordinal), running);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var page = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            // When the author presses Ctrl+C (also when an assertion above failed, so no server outlives the test)
            await cancel.CancelAsync();
        }

        var exitCode = await running.WaitAsync(Timeout);

        // Then the command stops cleanly, having reported the build and the stop
        Assert.Equal(ExitCodes.Success, exitCode);
        var printed = output.ToString();
        Assert.Matches("Built [0-9]+ files", printed);
        Assert.EndsWith("Stopped.\n", printed.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task A_port_already_in_use_is_bad_usage_with_a_hint()
    {
        // Given another program listening on a loopback port
        using var files = TempSite.CopyOfRepository();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        // When the preview is asked to use it
        var exitCode = await new PreviewCommand(CliConsoles.ToWriters(output, error), quiet: false, verbose: false)
            .RunAsync(Options(files), port, CancellationToken.None).WaitAsync(Timeout);

        // Then it exits with 2, naming the port and what to do
        Assert.Equal(ExitCodes.BadUsage, exitCode);
        var printed = error.ToString().ReplaceLineEndings(" ");
        Assert.Contains($"error: cannot serve on 127.0.0.1:{port}:", printed, StringComparison.Ordinal);
        Assert.Contains("--port 0 for any free one", printed, StringComparison.Ordinal);
        Assert.False(Directory.Exists(files.PathOf("output")));
    }

    private static BuildOptions Options(TempSite files) =>
        new(files.PathOf("input"), files.PathOf("theme"), files.PathOf("output"));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task<int> running)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(running.IsCompleted, "the preview stopped before serving");
            Assert.True(clock.Elapsed < Timeout, "the preview did not start serving in time");
            await Task.Delay(20);
        }
    }
}
