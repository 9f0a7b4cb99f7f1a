namespace Marginalia.Tests.Editions.Epub;

/// <summary>The EPUB edition passes the reference validator with nothing to say: no error and no warning.</summary>
public class EpubcheckTests : IClassFixture<BuiltEpub>
{
    private readonly BuiltEpub _epub;

    public EpubcheckTests(BuiltEpub epub) => _epub = epub;

    [SkippableFact]
    public async Task Epubcheck_reports_no_error_and_no_warning()
    {
        // Given EPUBCheck
        var epubcheck = Epubcheck.RequireOrSkip();

        // When it checks the built EPUB
        var (exitCode, output) = await Epubcheck.RunAsync(epubcheck, _epub.Path);

        // Then it passes, and says nothing worse than information
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FATAL", output, StringComparison.Ordinal);
        Assert.Contains("No errors or warnings detected", output, StringComparison.Ordinal);
    }
}
