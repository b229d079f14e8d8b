using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Preau.Plugins.Directory.Reading;

/// <summary>Streams an export and hands over one record element at a time (an ELEVE, a PERSONNE,
/// an INDIVIDU…) as a small <see cref="XElement"/> with line numbers, so that memory stays flat
/// whatever the file's size. Everything outside the record paths is skipped unread.</summary>
internal static class XmlRecordReader
{
    /// <summary>Reads <paramref name="file"/>, calling <paramref name="handle"/> with the path and
    /// element of every record whose path (<c>BEE_ELEVES/DONNEES/ELEVES/ELEVE</c>) is in
    /// <paramref name="records"/>. Returns false, with an error added, when the file is not readable
    /// XML or its root is not the export's.</summary>
    public static bool Read(
        SourceFile file,
        IReadOnlySet<string> records,
        Action<string, XElement> handle,
        ImportErrors errors,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var root = SourceKinds.RootOf(file.Kind);
        var path = new Stack<string>();
        XmlReader? reader = null;
        try
        {
            using var stream = new ProgressStream(file.Open(), read => Report(progress, file, read));
            Report(progress, file, 0);
            using (reader = XmlSetup.CreateReader(stream))
            {
                if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != root)
                {
                    errors.Add(file.Name, reader.LocalName, Line(reader), $"élément racine attendu {root}, trouvé « {reader.LocalName} » : est-ce bien {SourceKinds.ExpectedName(file.Kind)} ?");
                    return false;
                }

                Walk(reader, root, records, handle, path, cancellationToken);
            }

            Report(progress, file, file.Length);
            return true;
        }
        catch (XmlException e)
        {
            var element = path.Count > 0 ? path.Peek() : "";
            errors.Add(file.Name, element, e.LineNumber > 0 ? e.LineNumber : null, $"XML invalide ou mal encodé ({e.Message})");
        }
        catch (DecoderFallbackException e)
        {
            errors.Add(file.Name, path.Count > 0 ? path.Peek() : "", Line(reader), $"octets invalides pour l'encodage déclaré ({e.Message})");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            errors.Add(file.Name, "", null, e.Message);
        }

        return false;
    }

    private static void Walk(
        XmlReader reader, string root, IReadOnlySet<string> records, Action<string, XElement> handle,
        Stack<string> path, CancellationToken cancellationToken)
    {
        path.Push(root);
        if (reader.IsEmptyElement)
        {
            return;
        }

        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var here = path.Peek() + "/" + reader.LocalName;
                    if (records.Contains(here))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        XElement element;
                        using (var subtree = reader.ReadSubtree())
                        {
                            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
                        }

                        handle(here, element);
                        reader.Read();
                    }
                    else if (reader.IsEmptyElement)
                    {
                        reader.Read();
                    }
                    else
                    {
                        path.Push(here);
                        reader.Read();
                    }

                    break;
                case XmlNodeType.EndElement:
                    path.Pop();
                    reader.Read();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }
    }

    private static int? Line(XmlReader? reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private static void Report(IProgress<ImportProgress>? progress, SourceFile file, long read) =>
        progress?.Report(new ImportProgress(ImportStage.Reading, file.Name, read, file.Length, $"Lecture de {file.Name}"));
}
