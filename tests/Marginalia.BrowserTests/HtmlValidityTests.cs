using System.Diagnostics;
using System.Text.Json;
using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Testing;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The W3C Nu HTML checker over the built pages: browsers forgive invalid markup silently (and differently),
/// so the only way to know the generator writes valid HTML is to ask a validator.
/// </summary>
[Collection(BuiltSite.OtherPrograms)]
public sealed class HtmlValidityTests(SiteFixture site)
{
    private static readonly TimeSpan CheckerTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] CheckerOptions = ["--errors-only", "--format", "json"];

    [SkippableFact]
    public async Task Nu_html_checker_finds_no_errors_in_any_page()
    {
        // Given the checker and a Java to run it
        var jar = Tools.VnuJarPath(site.RepositoryRoot);
        Tools.RequireVnu(jar);
        var java = FindOnPath("java");
        Requirement.Require(
            java is null,
            "Java is required in CI (CI=true) to run the Nu HTML checker, but `java` is not on PATH; .ci/run installs default-jre-headless.",
            "Java is not on PATH, so the Nu HTML checker cannot run; install it with `sudo apt-get install -y default-jre-headless`.");

        // When it checks every page in one run (the JVM's start-up is most of the cost)
        var pages = SitePages.AllPages.Append(SitePages.SingleFile).Select(page => Path.Combine(site.SiteFolder, page)).ToList();
        var (exitCode, report) = await RunCheckerAsync(java!, jar, pages);

        // Then it reports no errors (the exit code alone would not say which, nor where)
        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(message => message.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(Describe)
            .ToList();
        Assert.True(errors.Count == 0, $"the Nu HTML checker found {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        Assert.Equal(0, exitCode);
    }

    private static async Task<(int ExitCode, string Report)> RunCheckerAsync(string java, string jar, IEnumerable<string> pages)
    {
        var start = ShortLivedJava.StartJar(java, jar, CheckerOptions.Concat(pages));

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {java}");
        using var timeout = new CancellationTokenSource(CheckerTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the Nu HTML checker did not finish within {CheckerTimeout}");
        }

        // vnu writes its report to standard error; standard output stays empty unless asked otherwise.
        var (stdout, stderr) = (await output, await error);
        var report = stderr.TrimStart().StartsWith('{') ? stderr : stdout;
        if (!report.TrimStart().StartsWith('{'))
        {
            throw new InvalidOperationException($"the Nu HTML checker exited {process.ExitCode} without a JSON report:{Environment.NewLine}{stderr}{stdout}");
        }

        return (process.ExitCode, report);
    }

    private static string Describe(JsonElement message)
    {
        static string Field(JsonElement message, string name) =>
            message.TryGetProperty(name, out var value) ? value.ToString() : "?";

        var file = Field(message, "url");
        return $"{file[(file.LastIndexOf("/site/", StringComparison.Ordinal) + 1)..]}:{Field(message, "lastLine")}:{Field(message, "firstColumn")}: {Field(message, "message")}  [{Field(message, "extract").ReplaceLineEndings(" ")}]";
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
