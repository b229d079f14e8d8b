namespace Preau.Storage.LiteDb;

/// <summary>Another process holds the data folder (a running server, or another command).</summary>
public sealed class DataFolderInUseException : IOException
{
    /// <summary>Creates the exception for <paramref name="folder"/>.</summary>
    public DataFolderInUseException(string folder, Exception innerException)
        : base($"the data folder {folder} is in use by another Préau process", innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DataFolderInUseException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DataFolderInUseException(string message)
        : base(message)
    {
    }
}
