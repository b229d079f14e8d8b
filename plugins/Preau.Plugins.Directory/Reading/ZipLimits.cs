namespace Preau.Plugins.Directory.Reading;

/// <summary>Bounds on what a zip may unpack to, so that a crafted archive (a zip bomb) is refused
/// instead of filling memory. Real SIECLE and STSweb exports are a few MB to a few tens of MB.</summary>
public sealed record ZipLimits
{
    /// <summary>Entries in one archive.</summary>
    public int MaxEntries { get; init; } = 256;

    /// <summary>Uncompressed size of one entry.</summary>
    public long MaxEntryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Uncompressed size of the export entries of one archive together.</summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Uncompressed over compressed size, past which an entry of more than
    /// <see cref="RatioFloorBytes"/> is refused (XML exports compress 10 to 30 times).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are never refused for their ratio.</summary>
    public long RatioFloorBytes { get; init; } = 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static ZipLimits Default { get; } = new();
}
