namespace Preau.Plugins.Directory.Reading;

/// <summary>Reads at most <c>limit</c> bytes from an inner stream and fails past it: a zip entry
/// cannot unpack to more than it declared, whatever its header says.</summary>
internal sealed class BoundedStream(Stream inner, long limit, string name) : CountingReadStream(inner)
{
    protected override void OnRead(long total)
    {
        if (total > limit)
        {
            throw new InvalidDataException($"{name} se décompresse en plus de {limit} octets annoncés : archive refusée");
        }
    }
}
