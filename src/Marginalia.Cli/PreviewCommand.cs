using System.Globalization;
using Marginalia.Preview;
using Marginalia.Site;
using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>Runs the preview server until Ctrl+C, printing each build's result as it happens.</summary>
internal sealed class PreviewCommand(CliConsoles consoles, bool quiet, bool verbose)
{
    // Builds report from the rebuild task, failed requests from Kestrel's threads: one line must not split another.
    private readonly Lock _console = new();

    // What the pages pass before an editions pass printed: the editions pass prints only what is new, not every
    // warning twice.
    private HashSet<string> _printed = new(StringComparer.Ordinal);

    public async Task<int> RunAsync(BuildOptions options, int port, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        var preview = new PreviewOptions(options) { Port = port, OnBuild = b => Report(b, options), OnMessage = Message };
        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(preview, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Ctrl+C during the first build is a normal way to stop.
            return ExitCodes.Success;
        }
        catch (IOException ex)
        {
            consoles.Error.Line(new Styled("error:", ConsoleText.Red), $" cannot serve on 127.0.0.1:{port}: {ex.Message}");
            consoles.Error.Line("    ", new Styled("hint:", ConsoleText.Dim), " another preview may be running; pass --port with another number, or --port 0 for any free one");
            return ExitCodes.BadUsage;
        }

        await using (server.ConfigureAwait(false))
        {
            lock (_console)
            {
                consoles.Out.Line("Serving ", new Styled(server.Address.ToString(), ConsoleText.Bold), $"; rebuilding when {options.Input}/ or {options.Theme}/ change. Press Ctrl+C to stop.");
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (!quiet)
        {
            consoles.Out.Line("Stopped.");
        }

        return ExitCodes.Success;
    }

    private void Report(PreviewBuild build, BuildOptions options)
    {
        var result = build.Result;
        var ms = (long)build.Elapsed.TotalMilliseconds;
        // A clock time tells two identical lines apart: the author sees that the save was noticed.
        var at = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (_console)
        {
            if (verbose)
            {
                foreach (var path in build.Changed)
                {
                    consoles.Out.Line(new Styled(at, ConsoleText.Dim), " changed ", new Styled(path, ConsoleText.Dim));
                }
            }

            var diagnostics = build.Pass == PreviewPass.Editions
                ? [.. result.Diagnostics.Where(d => !_printed.Contains(d.ToString()))]
                : result.Diagnostics;
            new DiagnosticPrinter(consoles.Error).Print(diagnostics);
            _printed = build.Pass == PreviewPass.Pages ? [.. result.Diagnostics.Select(d => d.ToString())] : new(StringComparer.Ordinal);
            if (!result.Succeeded)
            {
                consoles.Error.Line(
                    new Styled(at, ConsoleText.Dim),
                    " ",
                    new Styled(CliApp.Plural(result.ErrorCount, "error"), ConsoleText.Red),
                    $"{(result.WarningCount > 0 ? $", {CliApp.Plural(result.WarningCount, "warning")}" : string.Empty)} ({ms} ms); " +
                    $"the browser shows {(result.ErrorCount == 1 ? "it" : "them")} until {(result.ErrorCount == 1 ? "it is" : "they are")} fixed.");
                return;
            }

            if (verbose)
            {
                foreach (var path in result.Written)
                {
                    consoles.Out.Line("  wrote ", new Styled($"{options.Output}/{path}", ConsoleText.Dim));
                }
            }

            if (build.Pass == PreviewPass.Editions)
            {
                // The pages were announced by the pass before: the author waits for nothing here.
                if (verbose)
                {
                    consoles.Out.Line(new Styled(at, ConsoleText.Dim), new Styled($" Editions, search and feed remade in {ms} ms.", ConsoleText.Dim));
                }
            }
            else if (!quiet)
            {
                consoles.Out.Line(
                    new Styled(at, ConsoleText.Dim),
                    " ",
                    new Styled(build.IsFirst ? "Built" : "Rebuilt", ConsoleText.Green),
                    build.IsFirst
                        ? $" {CliApp.Plural(result.Written.Count, "file")} into {options.Output}/ in {ms} ms."
                        : build.Pass == PreviewPass.Pages
                            ? $" the pages in {ms} ms{Because(build)}; the editions follow."
                            : $" in {ms} ms{Because(build)}.");
            }
        }
    }

    private void Message(string message)
    {
        lock (_console)
        {
            consoles.Error.Line(new Styled("preview:", ConsoleText.Yellow), $" {message}");
        }
    }

    private static string Because(PreviewBuild build) => build.Changed.Count switch
    {
        0 => string.Empty,
        1 => $" ({build.Changed[0]} changed)",
        _ => $" ({build.Changed[0]} and {build.Changed.Count - 1} more changed)",
    };
}
