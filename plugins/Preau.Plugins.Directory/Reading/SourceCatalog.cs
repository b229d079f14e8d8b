using System.IO.Compression;

namespace Preau.Plugins.Directory.Reading;

/// <summary>Finds the exports among the inputs: plain XML files, or zips whose entries are taken by
/// name (<c>ElevesSansAdresses*.xml</c>, <c>sts_emp_*.xml</c>…) or, failing that, by root element.
/// Keeps the archives open while the import reads them.</summary>
internal sealed class SourceCatalog : IDisposable
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private readonly List<IDisposable> _open = [];
    private readonly Dictionary<SourceKind, SourceFile> _files = [];

    private SourceCatalog()
    {
    }

    /// <summary>The exports found, one per kind.</summary>
    public IReadOnlyDictionary<SourceKind, SourceFile> Files => _files;

    public static SourceCatalog Open(IEnumerable<ImportInput> inputs, ZipLimits limits, ImportErrors errors)
    {
        var catalog = new SourceCatalog();
        try
        {
            foreach (var input in inputs)
            {
                catalog.Add(input, limits, errors);
            }
        }
        catch
        {
            catalog.Dispose();
            throw;
        }

        return catalog;
    }

    public void Dispose()
    {
        foreach (var item in _open)
        {
            item.Dispose();
        }

        _open.Clear();
    }

    private void Add(ImportInput input, ZipLimits limits, ImportErrors errors)
    {
        Stream stream;
        try
        {
            stream = input.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(input.Name, "", null, $"fichier illisible ({e.Message})");
            return;
        }

        var isZip = input.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || StartsWithZipMagic(stream);
        if (!isZip)
        {
            var length = stream.CanSeek ? stream.Length : 0;
            stream.Dispose();
            AddXml(input.Name, input.Name, length, input.Open, errors, inArchive: false);
            return;
        }

        _open.Add(stream);
        if (!stream.CanSeek)
        {
            try
            {
                stream = Buffer(stream, limits.MaxTotalBytes, input.Name);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                errors.Add(input.Name, "", null, e.Message);
                return;
            }

            _open.Add(stream);
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            errors.Add(input.Name, "", null, $"archive zip illisible ({e.Message})");
            return;
        }

        _open.Add(archive);
        AddEntries(input.Name, archive, limits, errors);
    }

    private void AddEntries(string archiveName, ZipArchive archive, ZipLimits limits, ImportErrors errors)
    {
        if (archive.Entries.Count > limits.MaxEntries)
        {
            errors.Add(archiveName, "", null, $"l'archive contient {archive.Entries.Count} fichiers, {limits.MaxEntries} au plus : archive refusée");
            return;
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var path = entry.FullName.Replace('\\', '/');
            if (path.EndsWith('/'))
            {
                continue;
            }

            if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Contains(".."))
            {
                errors.Add(archiveName, path, null, "chemin d'entrée suspect (absolu ou remontant avec « .. ») : archive refusée");
                continue;
            }

            var fileName = path[(path.LastIndexOf('/') + 1)..];
            if (path.StartsWith("__MACOSX/", StringComparison.Ordinal) || fileName.StartsWith("._", StringComparison.Ordinal))
            {
                continue;
            }

            var name = $"{archiveName}/{path}";
            if (!fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                errors.Warn(name, "", "fichier ignoré : ni export SIECLE ni STSweb");
                continue;
            }

            if (entry.Length > limits.MaxEntryBytes)
            {
                errors.Add(name, "", null, $"se décompresse en {entry.Length} octets, {limits.MaxEntryBytes} au plus : archive refusée");
                continue;
            }

            if (entry.Length > limits.RatioFloorBytes && entry.CompressedLength > 0
                && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
            {
                errors.Add(name, "", null, $"taux de compression suspect ({entry.Length / entry.CompressedLength} pour 1) : archive refusée");
                continue;
            }

            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                errors.Add(archiveName, "", null, $"l'archive se décompresse en plus de {limits.MaxTotalBytes} octets : archive refusée");
                return;
            }

            var captured = entry;
            var declared = entry.Length;
            AddXml(name, fileName, declared, () => new BoundedStream(captured.Open(), declared, name), errors, inArchive: true);
        }
    }

    private void AddXml(string name, string fileName, long length, Func<Stream> open, ImportErrors errors, bool inArchive)
    {
        var kind = SourceKinds.FromName(fileName) ?? Sniff(open);
        if (kind is not { } known)
        {
            if (inArchive)
            {
                errors.Warn(name, "", "fichier XML ignoré : ni export SIECLE ni STSweb");
            }
            else
            {
                errors.Add(name, "", null, "fichier non reconnu : ni export SIECLE (BEE_ELEVES, BEE_RESPONSABLES, BEE_NOMENCLATURES, BEE_STRUCTURES) ni STSweb (STS_EDT)");
            }

            return;
        }

        if (_files.TryGetValue(known, out var already))
        {
            errors.Add(name, "", null, $"deuxième fichier {SourceKinds.ExpectedName(known)} (déjà : {already.Name}) : un seul par import");
            return;
        }

        _files.Add(known, new SourceFile(name, known, length, open));
    }

    private static SourceKind? Sniff(Func<Stream> open)
    {
        try
        {
            using var stream = open();
            return XmlSetup.RootOf(stream) is { } root ? SourceKinds.FromRoot(root) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return null;
        }
    }

    private static bool StartsWithZipMagic(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return n == 4 && head.SequenceEqual(ZipMagic);
    }

    private static MemoryStream Buffer(Stream stream, long limit, string name)
    {
        var copy = new MemoryStream();
        using (var bounded = new BoundedStream(stream, limit, name))
        {
            bounded.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }
}
