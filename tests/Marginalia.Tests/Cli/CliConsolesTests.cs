using Marginalia.Cli;
using Marginalia.Tests.Support;
using Spectre.Console;

namespace Marginalia.Tests.Cli;

public class CliConsolesTests
{
    /// <summary>Plain consoles into writers, counting how many times each is made.</summary>
    private sealed class Counted
    {
        public StringWriter Output { get; } = new();

        public StringWriter Error { get; } = new();

        public int OutMade { get; private set; }

        public int ErrorMade { get; private set; }

        public CliConsoles Consoles() => new(
            () => { OutMade++; return CliConsoles.Plain(Output); },
            () => { ErrorMade++; return CliConsoles.Plain(Error); },
            Output,
            Error);
    }

    [Fact]
    public void Each_console_is_made_on_first_use_and_only_once()
    {
        var counted = new Counted();
        var consoles = counted.Consoles();
        Assert.Equal((0, 0), (counted.OutMade, counted.ErrorMade));

        consoles.Out.Write("a");
        consoles.Out.Write("b");

        Assert.Equal((1, 0), (counted.OutMade, counted.ErrorMade));
        Assert.Equal("ab", counted.Output.ToString());
    }

    [Fact]
    public async Task A_quiet_build_that_succeeds_makes_neither_console_and_a_plain_one_only_the_one_it_reports_on()
    {
        using var site = TempSite.CopyOfRepository();
        string[] build = ["build", "--input", site.PathOf("input"), "--theme", site.PathOf("theme"), "--output", site.PathOf("output")];
        var quiet = new Counted();
        var plain = new Counted();

        var quietExit = await new CliApp(quiet.Consoles()).RunAsync([.. build, "-q"]);
        var plainExit = await new CliApp(plain.Consoles()).RunAsync(build);

        Assert.Equal((0, 0, 0), (quietExit, quiet.OutMade, quiet.ErrorMade));
        Assert.Equal(string.Empty, quiet.Output.ToString() + quiet.Error.ToString());
        Assert.Equal((0, 1, 0), (plainExit, plain.OutMade, plain.ErrorMade));
        Assert.StartsWith("Built ", plain.Output.ToString(), StringComparison.Ordinal);
    }
}
