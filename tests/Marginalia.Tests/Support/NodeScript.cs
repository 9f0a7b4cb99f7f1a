using System.Diagnostics;
using System.Text;

namespace Marginalia.Tests.Support;

/// <summary>
/// Runs a short script in Node, for tests that compare a theme script with its C# twin. A developer without Node
/// gets a skip that says how to get it; CI, which installs it (npm, in .ci/run), fails rather than report green over
/// a comparison that did not run.
/// </summary>
internal static class NodeScript
{
    /// <summary>The path of node on PATH; skips the test without it, or fails it on CI.</summary>
    public static string Require()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
        if (node is not null)
        {
            return node;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("node is not on PATH: CI must compare search-terms.js with SearchTerms (.ci/run installs npm, which brings node)");
        }

        Skip.If(true, "node is not on PATH: install Node.js (apt-get install nodejs) to compare search-terms.js with SearchTerms");
        return "";
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> (process.argv[1] onwards) and
    /// returns what it printed; fails the test when it exits with an error.</summary>
    public static string Run(string node, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("node took longer than 60 s");
        }

        Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
