# source: https://github.com/yoonholee/MT-net/issues/6
# reported: A user asked about MT-net's hard Gumbel mask: `gumbel_hard = tf.cast(tf.equal(gumbel_softmax, tf.reduce_max(...)), tf.float32)` followed by `mask = tf.stop_gradient(gumbel_hard - gumbel_softmax) + gumbel_softmax`, i.e. a one-hot choice in the forward pass with the softmax gradient in the backward pass.
# observed (TF 2.21): despite tf.equal / tf.cast / tf.stop_gradient, the straight-through mask passes gradients: the meta-gradient w.r.t. the mask logits and the weights is real.
import numpy as np
import tensorflow as tf

dim_hidden = 6
temp = 1.0


def sample_gumbel(shape, eps=1e-20):
    U = tf.random.uniform(shape, minval=0, maxval=1)
    return -tf.math.log(-tf.math.log(U + eps) + eps)


def gumbel_softmax_sample(logits, temperature):
    y = logits + sample_gumbel(tf.shape(logits))
    return tf.nn.softmax(y / temperature)


class MTNet:
    def __init__(self, dim_input=3, dim_output=1, update_lr=0.1):
        self.update_lr = update_lr
        self.weights = {
            'w1': tf.Variable(tf.random.normal([dim_input, dim_hidden], stddev=0.1), name='w1'),
            'b1': tf.Variable(tf.zeros([dim_hidden]), name='b1'),
            'w2': tf.Variable(tf.random.normal([dim_hidden, dim_output], stddev=0.1), name='w2'),
        }
        # logits of the per-unit "update this unit or not" choice (2 options per unit)
        self.mask_logits = tf.Variable(tf.zeros([dim_hidden, 2]), name='mask_logits')
        self.meta_optimizer = tf.keras.optimizers.Adam(1e-3)

    def forward(self, inp, weights):
        hidden = tf.nn.relu(tf.matmul(inp, weights['w1']) + weights['b1'])
        return tf.matmul(hidden, weights['w2'])

    def get_mask(self):
        gumbel_softmax = gumbel_softmax_sample(self.mask_logits, temp)
        gumbel_hard = tf.cast(tf.equal(gumbel_softmax, tf.reduce_max(gumbel_softmax, 1, keepdims=True)), tf.float32)
        mask = tf.stop_gradient(gumbel_hard - gumbel_softmax) + gumbel_softmax
        return mask[:, 0]

    def loss_func(self, pred, label):
        return tf.reduce_mean(tf.square(pred - label))

    def meta_train_step(self, inputa, labela, inputb, labelb):
        variables = list(self.weights.values()) + [self.mask_logits]
        with tf.GradientTape() as outer_tape:
            with tf.GradientTape() as inner_tape:
                task_lossa = self.loss_func(self.forward(inputa, self.weights), labela)
            grads = inner_tape.gradient(task_lossa, [self.weights['w1'], self.weights['b1'], self.weights['w2']])
            gradients = dict(zip(['w1', 'b1', 'w2'], grads))
            mask = self.get_mask()
            fast_weights = dict(self.weights)
            fast_weights['w1'] = self.weights['w1'] - self.update_lr * gradients['w1'] * mask
            fast_weights['b1'] = self.weights['b1'] - self.update_lr * gradients['b1'] * mask
            task_lossb = self.loss_func(self.forward(inputb, fast_weights), labelb)
        meta_grads = outer_tape.gradient(task_lossb, variables)
        self.meta_optimizer.apply_gradients(zip(meta_grads, variables))
        return task_lossb, meta_grads


model = MTNet()
inputa = tf.constant(np.random.randn(4, 3).astype(np.float32))
labela = tf.constant(np.random.randn(4, 1).astype(np.float32))
inputb = tf.constant(np.random.randn(4, 3).astype(np.float32))
labelb = tf.constant(np.random.randn(4, 1).astype(np.float32))
lossb, meta_grads = model.meta_train_step(inputa, labela, inputb, labelb)
print(float(lossb), float(tf.reduce_sum(tf.abs(meta_grads[-1]))))
