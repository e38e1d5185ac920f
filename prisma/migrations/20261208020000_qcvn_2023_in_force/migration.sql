-- QCVN 05:2023 and QCVN 08:2023 are in force from 2023-09-12 (Circular 01/2023/TT-BTNMT), not 2023-07-15.
-- The builtin rows seeded by earlier versions are corrected in place (bindings refer to the code, not the version).
UPDATE limit_standard SET version = '2023-09-12', effective_from = DATE '2023-09-12'
 WHERE source = 'builtin' AND code = 'QCVN05:2023' AND version = '2023-07-15';
UPDATE limit_standard SET effective_from = DATE '2023-09-12'
 WHERE source = 'builtin' AND code = 'QCVN08:2023' AND effective_from = DATE '2023-07-15';
