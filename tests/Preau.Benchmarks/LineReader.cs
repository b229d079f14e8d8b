using System.Net.Sockets;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>Reads SMTP replies (multi-line aware) from a stream.</summary>
internal sealed class LineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <summary>Reads one complete reply and checks its code.</summary>
    public async Task<string> ExpectAsync(string code)
    {
        while (true)
        {
            var line = await ReadLineAsync();
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"expected {code}, got: {line}");
            }

            if (line.Length < 4 || line[3] != '-')
            {
                return line;
            }
        }
    }

    private async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var nl = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (nl >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, nl - _start).TrimEnd('\r');
                _start = nl + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end));
            if (read == 0)
            {
                throw new IOException("connection closed");
            }

            _end += read;
        }
    }
}
