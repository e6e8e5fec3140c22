using System.Numerics;
using System.Runtime.InteropServices;

namespace Riposte.Detection.Text;

/// <summary>
/// MinHash signatures: for each of <see cref="Length"/> hash functions, the minimum hash over a
/// set's elements. The share of equal positions in two signatures estimates the sets' Jaccard
/// similarity (standard error sqrt(J(1-J)/Length)). The hash functions are a 32-bit integer
/// finaliser over the element xor a per-function seed, computed for many functions at once with
/// SIMD.
/// </summary>
public sealed class MinHasher
{
    private readonly uint[] _seeds;

    public MinHasher(int length, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Length = length;
        _seeds = new uint[length];
        var state = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + 1;
        for (var i = 0; i < length; i++)
            _seeds[i] = (uint)Mix(state += 0x9E3779B97F4A7C15UL);
    }

    public int Length { get; }

    /// <summary>Writes the signature of a set of (already well-mixed) element hashes into <paramref name="signature"/>.</summary>
    public void Sign(ReadOnlySpan<ulong> elements, Span<uint> signature)
    {
        if (signature.Length != Length)
            throw new ArgumentException($"signature must have {Length} slots, has {signature.Length}", nameof(signature));
        signature.Fill(uint.MaxValue);
        var lanes = Vector<uint>.Count;
        var vectorised = Vector.IsHardwareAccelerated ? Length / lanes * lanes : 0;
        var seeds = MemoryMarshal.Cast<uint, Vector<uint>>(_seeds.AsSpan(0, vectorised));
        var mins = MemoryMarshal.Cast<uint, Vector<uint>>(signature[..vectorised]);
        foreach (var element in elements)
        {
            var x = (uint)element ^ (uint)(element >> 32);
            var vx = new Vector<uint>(x);
            for (var v = 0; v < seeds.Length; v++)
                mins[v] = Vector.Min(mins[v], Hash(vx ^ seeds[v]));
            for (var i = vectorised; i < Length; i++)
                signature[i] = Math.Min(signature[i], Hash(x ^ _seeds[i]));
        }
    }

    public uint[] Sign(ReadOnlySpan<ulong> elements)
    {
        var sig = new uint[Length];
        Sign(elements, sig);
        return sig;
    }

    /// <summary>Estimated Jaccard similarity: the share of positions where the signatures agree.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length || a.Length == 0)
            throw new ArgumentException("signatures must be non-empty and of equal length");
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
                same++;
        }
        return (double)same / a.Length;
    }

    /// <summary>SplitMix64 finaliser: spreads any 64-bit input over all bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // "lowbias32" integer finaliser (Chris Wellons): good avalanche with two multiplies.
    private static uint Hash(uint x)
    {
        x ^= x >> 16;
        x *= 0x7FEB352DU;
        x ^= x >> 15;
        x *= 0x846CA68BU;
        return x ^ (x >> 16);
    }

    private static Vector<uint> Hash(Vector<uint> x)
    {
        x ^= Vector.ShiftRightLogical(x, 16);
        x *= new Vector<uint>(0x7FEB352DU);
        x ^= Vector.ShiftRightLogical(x, 15);
        x *= new Vector<uint>(0x846CA68BU);
        return x ^ Vector.ShiftRightLogical(x, 16);
    }
}
