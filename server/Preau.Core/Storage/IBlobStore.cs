namespace Preau.Core.Storage;

/// <summary>Raw messages, content-addressed by SHA-256: one blob however many mailboxes hold it.</summary>
public interface IBlobStore
{
    /// <summary>Writes the blob durably (on disk, fsynced) unless it exists; returns its hash.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob for reading; throws <see cref="FileNotFoundException"/> when absent.</summary>
    Stream Open(string hash);

    /// <summary>Whether the blob exists.</summary>
    bool Exists(string hash);

    /// <summary>How many blob files exist (for diagnostics and tests).</summary>
    long Count();
}
