package httpcache

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// Header is set on answers the transport rebuilt from the cache after the
// server said 304 Not Modified.
const Header = "X-Pathway-Cache"

// kept are the response headers stored with a body. Rate-limit headers
// are not: a revalidated answer carries the server's fresh ones. Request
// headers (Authorization above all) are never stored.
var kept = []string{"Content-Type", "ETag", "Link", "Last-Modified", "X-GitHub-Media-Type"}

// maxBody bounds what the transport reads into memory to store.
const maxBody = 32 << 20

// Transport revalidates GET answers it has seen before: it sends the
// stored ETag in If-None-Match and, on 304, answers with the stored body
// and the 304's own headers (fresh rate-limit figures). It never answers
// without asking the server, so the server decides, by its ETag, whether
// the stored body is still right for this caller; GitHub's ETags change
// with the token, so a body fetched with one token is not handed out to
// another.
type Transport struct {
	Cache *Cache
	Next  http.RoundTripper
}

type meta struct {
	URL    string      `json:"url"`
	Accept string      `json:"accept"`
	ETag   string      `json:"etag"`
	Header http.Header `json:"header"`
}

// Key is the cache key of req: method, URL and Accept, whose variants
// GitHub serves differently.
func Key(req *http.Request) string {
	return "http\x00" + req.Method + "\x00" + req.URL.String() + "\x00" + req.Header.Get("Accept")
}

func (t *Transport) next() http.RoundTripper {
	if t.Next == nil {
		return http.DefaultTransport
	}
	return t.Next
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.Cache == nil || req.Method != http.MethodGet || req.Header.Get("Range") != "" || req.Header.Get("If-None-Match") != "" {
		return t.next().RoundTrip(req)
	}
	key := Key(req)
	m, body, ok := t.load(key, req)
	out := req
	if ok {
		out = req.Clone(req.Context())
		out.Header.Set("If-None-Match", m.ETag)
	}
	resp, err := t.next().RoundTrip(out)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && ok:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		h := resp.Header.Clone()
		for k, v := range m.Header {
			if h.Get(k) == "" {
				h[k] = v
			}
		}
		h.Set(Header, "revalidated")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		return &http.Response{
			Status: "200 OK", StatusCode: http.StatusOK,
			Proto: resp.Proto, ProtoMajor: resp.ProtoMajor, ProtoMinor: resp.ProtoMinor,
			Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
			Request: req, TLS: resp.TLS,
		}, nil
	case resp.StatusCode == http.StatusOK && resp.Header.Get("ETag") != "" && !noStore(resp.Header):
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(bytes.NewReader(b))
		if len(b) <= maxBody {
			t.store(key, req, resp, b)
		}
		return resp, nil
	}
	return resp, nil
}

func noStore(h http.Header) bool {
	return bytes.Contains([]byte(h.Get("Cache-Control")), []byte("no-store"))
}

// Entry layout: 4-byte length of the JSON meta, the meta, the body.
func (t *Transport) store(key string, req *http.Request, resp *http.Response, body []byte) {
	m := meta{URL: req.URL.String(), Accept: req.Header.Get("Accept"), ETag: resp.Header.Get("ETag"), Header: http.Header{}}
	for _, k := range kept {
		if v := resp.Header.Values(k); len(v) > 0 {
			m.Header[k] = v
		}
	}
	mb, err := json.Marshal(m)
	if err != nil {
		return
	}
	data := make([]byte, 4, 4+len(mb)+len(body))
	binary.BigEndian.PutUint32(data, uint32(len(mb)))
	data = append(data, mb...)
	data = append(data, body...)
	_ = t.Cache.Put(key, data) // a cache that cannot be written is only slower
}

func (t *Transport) load(key string, req *http.Request) (meta, []byte, bool) {
	data, ok := t.Cache.Get(key)
	if !ok || len(data) < 4 {
		return meta{}, nil, false
	}
	n := binary.BigEndian.Uint32(data)
	if uint64(n) > uint64(len(data)-4) {
		return meta{}, nil, false
	}
	var m meta
	if json.Unmarshal(data[4:4+n], &m) != nil || m.ETag == "" || m.URL != req.URL.String() || m.Accept != req.Header.Get("Accept") {
		return meta{}, nil, false
	}
	return m, data[4+n:], true
}
