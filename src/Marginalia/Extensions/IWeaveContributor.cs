namespace Marginalia.Extensions;

/// <summary>What a kind adds to the woven essay: its ranges on the essay's text, with a declared precedence.</summary>
internal interface IWeaveContributor
{
}
