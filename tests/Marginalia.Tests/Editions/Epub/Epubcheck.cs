using System.Diagnostics;
using Marginalia.Testing;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>
/// Runs EPUBCheck, the reference validator (Debian's package: <c>apt-get install epubcheck</c>). Debian installs
/// <c>/usr/bin/epubcheck</c> as a link to the jar, which runs directly only where binfmt_misc knows jars; so a jar is
/// started with <c>java -jar</c>, which works everywhere.
/// </summary>
public static class Epubcheck
{
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "epubcheck"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Skips the test where EPUBCheck is missing, or fails it on CI, which must have installed it.</summary>
    public static string RequireOrSkip()
    {
        if (Find() is { } found)
        {
            return found;
        }

        const string message = "epubcheck is not installed: apt-get install epubcheck";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message + " (CI requires it; .ci/run installs it)");
        }

        Skip.If(true, message);
        return string.Empty;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string epubcheck, string file)
    {
        var start = IsJar(epubcheck)
            ? ShortLivedJava.StartJar("java", epubcheck, [file])
            : new ProcessStartInfo(epubcheck) { ArgumentList = { file }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static bool IsJar(string path)
    {
        var buffer = new byte[2];
        using var stream = File.OpenRead(path);
        return stream.Read(buffer, 0, 2) == 2 && buffer[0] == (byte)'P' && buffer[1] == (byte)'K';
    }
}
