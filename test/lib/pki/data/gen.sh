set -e
cd /tmp/pki
# root RSA
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 3650 -subj "/C=DE/O=Staple Lab Test, Inc./CN=Test Root CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
# intermediate EC P-256
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout int.key -out int.csr -subj "/C=DE/O=Staple Lab Test/CN=Test Intermediate CA" 2>/dev/null
cat > int.ext <<E2
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
authorityInfoAccess=OCSP;URI:http://ocsp.root.test,caIssuers;URI:http://root.test/root.cer
crlDistributionPoints=URI:http://root.test/root.crl
E2
openssl x509 -req -in int.csr -CA root.pem -CAkey root.key -CAcreateserial -out int.pem -days 1800 -extfile int.ext 2>/dev/null
# leaf P-384 with must-staple
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout leaf.key -out leaf.csr -subj "/C=US/ST=CA/O=Example, \"Quoted\" + Co/OU=Web/CN=www.example.test" 2>/dev/null
cat > leaf.ext <<E2
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:www.example.test,DNS:example.test,IP:192.0.2.1
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
authorityInfoAccess=OCSP;URI:http://ocsp.example.test,caIssuers;URI:http://example.test/int.cer
crlDistributionPoints=URI:http://example.test/int.crl
tlsfeature=status_request
certificatePolicies=2.23.140.1.2.2
E2
openssl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -CAcreateserial -out leaf.pem -days 90 -extfile leaf.ext -sha256 2>/dev/null
# delegated responder ed25519? use RSA for responder
openssl req -newkey rsa:2048 -nodes -keyout resp.key -out resp.csr -subj "/CN=Test OCSP Responder" 2>/dev/null
printf "extendedKeyUsage=OCSPSigning\nnoCheck=ignored\n" > resp.ext
openssl x509 -req -in resp.csr -CA int.pem -CAkey int.key -CAcreateserial -out resp.pem -days 365 -extfile resp.ext 2>/dev/null
# unauthorized responder: signed by root, not int
openssl x509 -req -in resp.csr -CA root.pem -CAkey root.key -CAcreateserial -out badresp.pem -days 365 -extfile resp.ext 2>/dev/null
# ed25519 leaf
openssl req -newkey ed25519 -nodes -keyout ed.key -out ed.csr -subj "/CN=ed25519.example.test" 2>/dev/null
openssl x509 -req -in ed.csr -CA int.pem -CAkey int.key -CAcreateserial -out ed.pem -days 30 2>/dev/null
# index: leaf good, ed revoked
LS=$(openssl x509 -in leaf.pem -noout -serial | cut -d= -f2)
ES=$(openssl x509 -in ed.pem -noout -serial | cut -d= -f2)
printf "V\t301231000000Z\t\t%s\tunknown\t/CN=leaf\n" "$LS" > index.txt
printf "R\t301231000000Z\t251101000000Z,keyCompromise\t%s\tunknown\t/CN=ed\n" "$ES" >> index.txt
openssl ocsp -issuer int.pem -cert leaf.pem -reqout req-leaf.der -no_nonce
openssl ocsp -issuer int.pem -cert leaf.pem -cert ed.pem -reqout req-nonce.der
openssl ocsp -index index.txt -rsigner resp.pem -rkey resp.key -CA int.pem -reqin req-leaf.der -respout resp-good.der -ndays 7
openssl ocsp -index index.txt -rsigner resp.pem -rkey resp.key -CA int.pem -reqin req-nonce.der -respout resp-nonce.der -ndays 7
openssl ocsp -index index.txt -rsigner int.pem -rkey int.key -CA int.pem -reqin req-leaf.der -respout resp-direct.der -ndays 1 -resp_key_id
openssl ocsp -index index.txt -rsigner badresp.pem -rkey resp.key -CA int.pem -reqin req-leaf.der -respout resp-unauth.der -ndays 7
openssl ocsp -sha256 -issuer int.pem -cert leaf.pem -reqout req-sha256.der -no_nonce
openssl ocsp -index index.txt -rsigner resp.pem -rkey resp.key -CA int.pem -reqin req-sha256.der -respout resp-sha256.der -ndays 7
cat leaf.pem int.pem root.pem > chain.pem
openssl x509 -in leaf.pem -outform DER -out leaf.der
base64 -w0 leaf.der > leaf.b64
openssl req -in leaf.csr -outform DER -out leaf.csr.der
openssl crl2pkcs7 -nocrl -certfile chain.pem -out chain.p7b
