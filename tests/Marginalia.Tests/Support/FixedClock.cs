namespace Marginalia.Tests.Support;

/// <summary>A clock that always says the same time (UTC), so a scaffold's <c>created</c> date is known.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
