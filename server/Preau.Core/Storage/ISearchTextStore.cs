namespace Preau.Core.Storage;

/// <summary>
/// Derived search text, one record per blob hash. It can always be rebuilt from the blob, so writes
/// need not be durable; a reader must tolerate a missing or torn record.
/// </summary>
public interface ISearchTextStore
{
    /// <summary>The stored record of a blob, or null.</summary>
    /// <param name="hash">The blob's hash.</param>
    byte[]? TryRead(string hash);

    /// <summary>Stores (or replaces) the record of a blob.</summary>
    /// <param name="hash">The blob's hash.</param>
    /// <param name="record">The record.</param>
    void Write(string hash, ReadOnlySpan<byte> record);
}
