using System.Reflection;
using System.Text.RegularExpressions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Diagnostics;

public class DiagnosticCodesTests
{
    [Fact]
    public void Every_code_is_MG_and_four_digits_unique_and_has_a_meaning()
    {
        var codes = DiagnosticCodes.All;

        Assert.All(codes, c => Assert.Matches(new Regex("^MG[0-9]{4}$"), c.Id));
        Assert.All(codes, c => Assert.EndsWith(".", c.Meaning, StringComparison.Ordinal));
        Assert.Equal(codes.Count, codes.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void The_list_of_all_codes_includes_every_declared_code()
    {
        // A code declared but left out of All would be missing from the documentation of codes.
        var declared = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => ((DiagnosticCode)f.GetValue(null)!).Id)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, DiagnosticCodes.All.Select(c => c.Id).Order(StringComparer.Ordinal));
    }
}
