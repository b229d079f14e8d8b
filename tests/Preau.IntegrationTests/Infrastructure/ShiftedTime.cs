namespace Preau.IntegrationTests.Infrastructure;

/// <summary>The system clock moved forward by hand: timers still run in real time, while whatever reads
/// the date (delegation ends, session expiry) sees the future.</summary>
internal sealed class ShiftedTime : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
