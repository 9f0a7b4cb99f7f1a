namespace Marginalia.Diagnostics;

/// <summary>A stable diagnostic code (<c>MG</c> + four digits) and what it means.</summary>
/// <remarks>Codes are never renumbered: tools and pull-request comments refer to them.</remarks>
internal sealed record DiagnosticCode(string Id, string Meaning)
{
    public override string ToString() => Id;
}
