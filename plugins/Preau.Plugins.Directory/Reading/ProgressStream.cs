namespace Preau.Plugins.Directory.Reading;

/// <summary>Counts the bytes read through it and calls back every <see cref="Step"/> bytes, for the
/// reading progress of a file.</summary>
internal sealed class ProgressStream(Stream inner, Action<long> report) : CountingReadStream(inner)
{
    public const long Step = 256 * 1024;

    private long _reported;

    protected override void OnRead(long total)
    {
        if (total - _reported >= Step)
        {
            _reported = total;
            report(total);
        }
    }
}
