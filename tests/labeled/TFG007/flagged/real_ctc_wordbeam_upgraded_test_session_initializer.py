# source: https://github.com/githubharald/CTCWordBeamSearch/issues/54  # known-miss: a later tf.compat.v1.placeholder makes the file look like graph-mode code, and order is not considered
# reported: After converting the TF1 test script with tf_upgrade_v2, testCustomOp stops at sess.run(tf.compat.v1.global_variables_initializer()) with "RuntimeError: The Session graph is empty. Add operations to the graph before calling run()"; the poster later found eager execution had to be disabled.
# observed (TF 2.21): eager is on, the initializer is not a graph op, the session graph is empty and sess.run raises RuntimeError at line 25.
import numpy as np
import tensorflow as tf


def softmax(mat):
    "calc softmax such that labels per time-step form probability distribution"
    maxT, _ = mat.shape  # dim0=t, dim1=c
    res = np.zeros(mat.shape)
    for t in range(maxT):
        y = mat[t, :]
        e = np.exp(y)
        s = np.sum(e)
        res[t, :] = e / s
    return res


def testCustomOp(feedMat, corpus, chars, wordChars):
    "decode using word beam search. Result is tuple, first entry is label string, second entry is char string."

    # TF session
    sess = tf.compat.v1.Session()
    sess.run(tf.compat.v1.global_variables_initializer())  # expect: TFG007

    # input with shape TxBxC
    mat = tf.compat.v1.placeholder(tf.float32, shape=feedMat.shape)

    # decode using the "Words" mode of word beam search (built-in greedy decoder stands in for the custom op)
    decode, _ = tf.nn.ctc_greedy_decoder(tf.math.log(mat + 1e-8), [feedMat.shape[0]] * feedMat.shape[1], blank_index=len(chars))

    # feed matrix of shape TxBxC and evaluate TF graph
    res = sess.run(tf.sparse.to_dense(decode[0]), {mat: feedMat})

    # result is string of labels terminated by blank (similar to C-strings) if shorter than T
    blank = len(chars)
    s = ''
    for label in res[0]:
        if label == blank:
            break
        s += chars[label]  # map label to char
    return (res[0], s)


def testMiniExample():
    "example which shows difference between taking most probable path and most probable labeling. No dictionary used."
    corpus = 'a b'
    chars = 'ab '
    wordChars = 'ab'
    mat = np.array([[[0.9, 0.1, 0.0, 0.0]], [[0.0, 0.0, 0.0, 1.0]],
                    [[0.6, 0.4, 0.0, 0.0]]], dtype=np.float32)
    res = testCustomOp(mat, corpus, chars, wordChars)
    print('')
    print('Mini example:')
    print('Label string: ', res[0])
    print('Char string:', '"' + res[1] + '"')


if __name__ == '__main__':
    testMiniExample()
