# source: https://github.com/Bihaqo/t3f/issues/211
# reported: With TF 2.2 t3f's matrix_ones / matrix_zeros failed because their np.ones(...) sizes were floats; the fix adds dtype=int to those np.ones calls. random_matrix already multiplies a float np.ones by tt_rank but ends with tt_rank.astype(int). This is the fixed code.
# observed (TF 2.21): every shape reaching tf.ones / tf.random.normal is an integer array; the tape gradient w.r.t. all TT-cores is real.
import numpy as np
import tensorflow as tf


class TensorTrain(object):
    def __init__(self, tt_cores, shape=None, tt_ranks=None):
        self._tt_cores = tuple(tt_cores)
        self._raw_shape = shape
        self._tt_ranks = tt_ranks

    @property
    def tt_cores(self):
        return self._tt_cores

    def ndims(self):
        return len(self._tt_cores)


def full(tt):
    """Converts a TT-matrix into a dense matrix."""
    res = tt.tt_cores[0][0]
    for core in tt.tt_cores[1:]:
        res = tf.tensordot(res, core, axes=[[-1], [0]])
    res = res[..., 0]
    d = tt.ndims()
    perm = [2 * i for i in range(d)] + [2 * i + 1 for i in range(d)]
    res = tf.transpose(res, perm)
    rows = int(np.prod([int(c.shape[1]) for c in tt.tt_cores]))
    cols = int(np.prod([int(c.shape[2]) for c in tt.tt_cores]))
    return tf.reshape(res, (rows, cols))


def get_variable(name, initializer):
    variable_cores = [tf.Variable(core, name='%s_core_%d' % (name, i))
                      for i, core in enumerate(initializer.tt_cores)]
    return TensorTrain(variable_cores, initializer._raw_shape, initializer._tt_ranks)


def matrix_ones(shape):
    """Generate a TT-matrix of the given shape with each entry equal to 1.

    Args:
      shape: 2d array, shape[0] is the shape of the matrix row-index,
        shape[1] is the shape of the column index.
        Also supports ommiting one of the dimensions for vectors, e.g.
          matrix_ones([[2, 2, 2], None])
        and
          matrix_ones([None, [2, 2, 2]])
        will create an 8-element column and row vectors correspondingly.
    """

    shape = list(shape)
    # In case shape represents a vector, e.g. [None, [2, 2, 2]]
    if shape[0] is None:
        shape[0] = np.ones(len(shape[1]), dtype=int)
    # In case shape represents a vector, e.g. [[2, 2, 2], None]
    if shape[1] is None:
        shape[1] = np.ones(len(shape[0]), dtype=int)
    shape = np.array(shape)

    if len(shape.shape) != 2:
        raise ValueError('shape should be 2d array')
    if shape[0].size != shape[1].size:
        raise ValueError('shape[0] should have the same length as shape[1]')
    if np.any(shape.flatten() < 1):
        raise ValueError('all elements in `shape` should be positive')
    num_dims = shape[0].size
    tt_rank = np.ones(shape[0].size + 1, dtype=int)

    tt_cores = [None] * num_dims
    for i in range(num_dims):
        curr_core_shape = (1, shape[0][i], shape[1][i], 1)
        tt_cores[i] = tf.ones(curr_core_shape)

    return TensorTrain(tt_cores, shape, tt_rank)


def random_matrix(shape, tt_rank=2, mean=0., stddev=1.):
    """Generate a random TT-matrix of given shape."""
    shape = list(shape)
    if shape[0] is None:
        shape[0] = np.ones(len(shape[1]), dtype=int)
    if shape[1] is None:
        shape[1] = np.ones(len(shape[0]), dtype=int)
    shape = np.array(shape)
    tt_rank = np.array(tt_rank)
    num_dims = shape[0].size
    if tt_rank.size == 1:
        tt_rank = tt_rank * np.ones(num_dims - 1)
        tt_rank = np.concatenate([[1], tt_rank, [1]])

    tt_rank = tt_rank.astype(int)
    tt_cores = [None] * num_dims
    for i in range(num_dims):
        curr_core_shape = (tt_rank[i], shape[0][i], shape[1][i],
                           tt_rank[i + 1])
        tt_cores[i] = tf.random.normal(curr_core_shape, mean=mean, stddev=stddev)

    return TensorTrain(tt_cores, shape, tt_rank)


x = tf.constant(np.random.rand(1, 4).astype(np.float32))
W = get_variable('W', initializer=matrix_ones([None, [2, 2]]))
V = get_variable('V', initializer=random_matrix([[2, 2], [2, 2]], tt_rank=2))
variables = list(W.tt_cores) + list(V.tt_cores)
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.square(tf.matmul(full(W), full(V)) - x))
grads = tape.gradient(loss, variables)
print([g.shape for g in grads])
