using Marginalia.Tests.Support;

namespace Marginalia.Tests.Cli;

/// <summary>
/// How Marginalia.Cli.csproj sets up the Native AOT executable's start: published, its data is stored as it is and
/// loaded at a fixed address (neither unpacked nor relocated at every start), it carries no stack trace data, and it
/// collects with the server collector (GarbageCollector.props); every other build (the tests', `dotnet run`, ./marginalia's ReadyToRun publish) keeps the SDK's defaults. Read from the
/// project as MSBuild evaluates it, since publishing the executable takes a minute.
/// </summary>
public class NativePublishSettingsTests
{
    private static readonly string[] Names = ["IlcDehydrate", "PositionIndependentExecutable", "StackTraceSupport", "ServerGarbageCollection"];

    [Fact]
    public async Task A_native_publish_stores_its_data_as_it_is_at_a_fixed_address_without_stack_traces_and_collects_on_every_core()
    {
        var properties = await Evaluate("-p:_IsPublishing=true");

        Assert.Equal(["false", "false", "false", "true"], Names.Select(n => properties[n]));
    }

    [Theory]
    [InlineData("-p:_IsPublishing=false")] // dotnet build, dotnet test, dotnet run
    [InlineData("-p:_IsPublishing=true -p:PublishAot=false")] // ./marginalia's ReadyToRun publish
    public async Task Every_other_build_keeps_the_defaults(string arguments)
    {
        var properties = await Evaluate(arguments);

        Assert.Equal(["", "", "", ""], Names.Select(n => properties[n]));
    }

    private static Task<IReadOnlyDictionary<string, string>> Evaluate(string arguments) =>
        MsBuildEvaluation.Properties("src/Marginalia.Cli/Marginalia.Cli.csproj", arguments, Names);
}
