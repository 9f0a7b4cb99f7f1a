using Marginalia.Diagnostics;

namespace Marginalia.Tests.Diagnostics;

public class DiagnosticBagTests
{
    [Fact]
    public void Diagnostics_are_sorted_by_file_then_line_then_column()
    {
        // Given diagnostics reported out of order, as parallel modules do
        var bag = new DiagnosticBag();
        bag.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/glossary/wto.md", 2, 1), "third");
        bag.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/essay.md", 12, 4), "second");
        bag.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/essay.md", 3, 9), "first");
        bag.Add(Diagnostic.Warning(DiagnosticCodes.InvalidValue, new SourceLocation("input/essay.md", 12, 2), "between"));

        // Then they come out in reading order
        Assert.Equal(["first", "between", "second", "third"], bag.Sorted().Select(d => d.Message));
        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void A_diagnostic_prints_as_path_line_column_severity_code_message()
    {
        var diagnostic = Diagnostic.Error(DiagnosticCodes.UnknownField, new SourceLocation("input/essay.md", 4, 1), "unknown field 'auther'", "did you mean 'author'?");

        Assert.Equal("input/essay.md:4:1: error MG0110: unknown field 'auther'", diagnostic.ToString());
    }

    [Fact]
    public void Warnings_alone_are_not_errors()
    {
        var bag = new DiagnosticBag();
        bag.Add(Diagnostic.Warning(DiagnosticCodes.InvalidValue, SourceLocation.File("a"), "w"));

        Assert.False(bag.HasErrors);
        Assert.Equal("a:1:1: warning MG0112: w", bag.Sorted()[0].ToString());
    }
}
