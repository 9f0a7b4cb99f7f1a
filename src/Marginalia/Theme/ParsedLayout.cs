using Fluid;

namespace Marginalia.Theme;

/// <summary>A layout or partial as the Layouts pipeline parsed it: its template, its display path and its text.</summary>
internal sealed record ParsedLayout(IFluidTemplate Template, string Path, string Source);
