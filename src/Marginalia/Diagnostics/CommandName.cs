namespace Marginalia.Diagnostics;

/// <summary>
/// The command as the user typed it (<c>./marginalia</c>, <c>dotnet run --project src/Marginalia.Cli --</c>,
/// <c>marginalia</c>), so that a hint telling them to run something can be pasted as it is. The CLI works it out once
/// and passes it down; library code never guesses it.
/// </summary>
internal sealed record CommandName(string Text)
{
    /// <summary>The installed tool's name: what a hint says when nothing better is known.</summary>
    public static CommandName Default { get; } = new("marginalia");

    /// <summary>The command followed by its arguments, e.g. <c>./marginalia check --fix</c>.</summary>
    public string With(string arguments) => $"{Text} {arguments}";

    public override string ToString() => Text;
}
