using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public class BuildCacheTests
{
    private static readonly SourceLocation At = new("input/annotations/x.md", 2, 8);

    [Fact]
    public void An_unchanged_input_gets_the_earlier_result_and_its_diagnostics_again_without_the_work()
    {
        var cache = new BuildCache();
        var calls = 0;
        string Work(DiagnosticBag bag)
        {
            calls++;
            bag.Error(DiagnosticCodes.QuoteNotFound, At, "the quote is not in the essay");
            return "result";
        }

        var first = new DiagnosticBag();
        var second = new DiagnosticBag();
        Assert.Equal("result", cache.GetOrAdd(BuildCache.Key("note", "text"), first, Work));
        cache.EndBuild();
        Assert.Equal("result", cache.GetOrAdd(BuildCache.Key("note", "text"), second, Work));

        Assert.Equal(1, calls);
        Assert.Equal(first.Sorted(), second.Sorted());
        Assert.Equal("input/annotations/x.md:2:8: error MG0602: the quote is not in the essay", Assert.Single(second.Sorted()).ToString());
    }

    [Fact]
    public void A_changed_input_is_worked_again_and_what_a_build_did_not_use_is_dropped()
    {
        var cache = new BuildCache();
        var calls = new List<string>();
        string Work(string text) => cache.GetOrAdd(BuildCache.Key("note", text), new DiagnosticBag(), _ =>
        {
            calls.Add(text);
            return text.ToUpperInvariant();
        });

        Work("a");
        cache.EndBuild();
        Work("b");          // the file changed: "a" is not asked for in this build
        cache.EndBuild();
        Work("a");          // so it is gone, and worked again

        Assert.Equal(["a", "b", "a"], calls);
    }
}
